// Connection function (cloudfront-js-2.0) for a distribution with mutual TLS: CloudFront has
// validated the client certificate; this adds the organisation check and a block list.
// CloudFront calls connectionHandler(); nothing in this file does.
/* eslint @typescript-eslint/no-unused-vars: ["error", { "varsIgnorePattern": "^connectionHandler$" }] */

const ORGANIZATION = 'O=Example Corp'
const BLOCKED_ADDRESSES = ['203.0.113.9']

function connectionHandler(connection) {
  const certificate = connection.clientCertificate
  const leaf = certificate && certificate.certificates && certificate.certificates.leaf
  if (
    BLOCKED_ADDRESSES.includes(connection.clientIp) ||
    !leaf ||
    !(leaf.subject || '').includes(ORGANIZATION)
  ) {
    connection.deny()
    return
  }
  connection.allow()
}
