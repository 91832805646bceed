evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] Cloud audit failed') : 'the verdict is logged as a warning'
assert log.contains('warnOnly is set')
assert findings().audit.verdict == 'fail' : 'the reports still say the audit failed'
