evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assertNoStackTrace(log)
def report = findings()
def erp = report.resources.find { it.name == 'legacy-erp-sql' }
assert erp && erp.hostsDatabase && erp.id.startsWith('/subscriptions/')
assert findingsOf(report, 'legacy-os').any { it.server.id == erp.id }
assert findingsOf(report, 'monitoring-no-threat-detection').any { it.server.id == erp.id && it.verified }
assert findingsOf(report, 'db-exposed').any { it.server.id.contains('Microsoft.Sql/servers') }
