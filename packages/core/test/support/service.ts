// The service over ports a test can wrap (to count calls, interleave them, or race another
// instance): `AppealService.layerMemory` builds the service on its own ports, so a wrapper given
// beside it would not be seen by the service.
import { AppealService, AppealStore, CalendarStore, type Directory, DirectoryStore, IdGenerator } from "@murojaat/core"
import { Layer } from "effect"

/** Every port in memory, without the service. */
export const memoryPorts = (directory?: Directory.Directory) =>
  Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(directory), CalendarStore.layerMemory())

/** The service over `ports`, with a configuration; the ports stay in the output for the test to read. */
export const serviceOver = <ROut, E>(ports: Layer.Layer<ROut, E>, config: AppealService.ConfigInput = {}) =>
  AppealService.layerWith(config).pipe(Layer.provideMerge(ports))
