// The intake `bench:http` submits (packages/examples/service/bench/http.ts), as its wire JSON: the
// shape the service decodes most, for the intake decoder's tests and benchmark.
export const httpBenchIntake = {
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef: "smart-mahalla:u-1001",
  applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: { phone: "+998901112233" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: "Koʻchamizdagi chiroqlar kechasi yonmaydi, bolalar qorongʻida maktabdan qaytishadi." }
}
