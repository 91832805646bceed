evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD SUCCESS') : 'findings must never fail a site build'
assertNoStackTrace(log)
def report = new File(basedir, 'target/site/cloud-audit/report.html')
assert report.isFile() : 'the audit report must be part of the site'
def html = report.getText('UTF-8')
assert html.contains('crm-legacy-db-01') : 'the forgotten database must be in the site report'
assert html.contains('Content-Security-Policy')
