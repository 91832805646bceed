// Runs where moto is installed; under CI=true it runs anyway, so that a missing moto fails prebuild.groovy loudly.
def probe = ['python3', '-c', 'import moto.server, boto3'].execute()
probe.waitFor()
if (probe.exitValue() == 0 || System.getenv('CI') == 'true') {
    return true
}
println "live-aws-snapshot skipped: moto is not installed (pip install 'moto[server]==5.2.1')"
return false
