// Starts WireMock on a free HTTPS port of 127.0.0.1 with the test certificate and the answers under wiremock/,
// and points the build at it: Resource Manager's and the metrics endpoint, the authority host and a trust store with that certificate.
def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def java = ProcessHandle.current().info().command().orElse('java')
def log = new File(basedir, 'wiremock.log')
def server = new ProcessBuilder(java, '-jar', wiremockJar, '--bind-address', '127.0.0.1', '--disable-http',
        '--https-port', "${port}", '--https-keystore', "${tlsDirectory}/azure-test-server.p12",
        '--keystore-type', 'PKCS12', '--keystore-password', 'cloud-audit-tests',
        '--key-manager-password', 'cloud-audit-tests', '--root-dir', new File(basedir, 'wiremock').path,
        '--disable-banner').redirectErrorStream(true).redirectOutput(log).start()
new File(basedir, 'wiremock.pid').text = "${server.pid()}"
def ready = false
for (int i = 0; i < 300 && !ready && server.alive; i++) {
    try {
        new Socket('127.0.0.1', port).close()
        ready = true
    } catch (IOException notYet) {
        Thread.sleep(200)
    }
}
assert ready : "WireMock did not start: ${log.text}"

def url = "https://127.0.0.1:${port}"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text =
        "-Dcloudaudit.azure.endpoint=${url}\n-Dcloudaudit.azure.metricsEndpoint=${url}\n"
new File(basedir, '.mvn/jvm.config').text = "-DAZURE_AUTHORITY_HOST=${url} " +
        "-Djavax.net.ssl.trustStore=${tlsDirectory}/azure-test-trust.p12 " +
        "-Djavax.net.ssl.trustStorePassword=cloud-audit-tests -Djavax.net.ssl.trustStoreType=PKCS12\n"
return true
