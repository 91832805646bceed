// Starts moto on a free port of 127.0.0.1, builds the estate with seed.py, and points the build at it.
def probe = ['python3', '-c', 'import moto.server, boto3'].execute()
probe.waitFor()
assert probe.exitValue() == 0 : "moto is not installed: pip install 'moto[server]==5.2.1' (CI=true requires it)"

def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def log = new File(basedir, 'moto.log')
def moto = new ProcessBuilder('python3', '-m', 'moto.server', '-H', '127.0.0.1', '-p', "${port}")
        .redirectErrorStream(true).redirectOutput(log).start()
new File(basedir, 'moto.pid').text = "${moto.pid()}"
def endpoint = "http://127.0.0.1:${port}"
def ready = false
for (int i = 0; i < 300 && !ready; i++) {
    try {
        ready = new URL("${endpoint}/moto-api/").openConnection().responseCode == 200
    } catch (IOException notYet) {
        Thread.sleep(200)
    }
}
assert ready : "moto did not start: ${log.text}"

def seed = new ProcessBuilder('python3', new File(basedir, 'seed.py').path, endpoint).redirectErrorStream(true).start()
def seeded = seed.inputStream.text
assert seed.waitFor() == 0 : "seeding moto failed: ${seeded}"

new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dcloudaudit.aws.endpoint=${endpoint}\n"
return true
