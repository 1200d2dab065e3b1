// Connection function (cloudfront-js-2.0) for a distribution with mutual TLS:
// CloudFront has already validated the client certificate against the trust store;
// this function adds the business rules on top of that validation.
//  - connections without a client certificate are denied;
//  - certificates must belong to the Example Corp organization;
//  - addresses on the block list are denied even with a valid certificate.
// CloudFront calls connectionHandler(); nothing in this file does. Logs show up in test results.
/* eslint no-console: "off", @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^connectionHandler$" }] */

const ORGANIZATION = 'O=Example Corp'
const BLOCKED_ADDRESSES = ['203.0.113.9', '198.51.100.23']

function connectionHandler(connection) {
  if (BLOCKED_ADDRESSES.includes(connection.clientIp)) {
    console.log('denied: blocked address ' + connection.clientIp)
    connection.deny()
    return
  }
  const certificate = connection.clientCertificate
  if (!certificate || !certificate.certificates || !certificate.certificates.leaf) {
    console.log('denied: no client certificate')
    connection.deny()
    return
  }
  const subject = certificate.certificates.leaf.subject || ''
  if (!subject.includes(ORGANIZATION)) {
    console.log('denied: subject ' + subject)
    connection.deny()
    return
  }
  connection.allow()
}
