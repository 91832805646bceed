evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('Cloud audit PASSED')
def report = findings('cloud-audit')
assert report.resources.size() == 1
