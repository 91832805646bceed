evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assert log.contains('orders-prod-pg')
def report = findings()
assert findingsOf(report, 'db-exposed').collect { it.server.id } == ['orders-prod-pg'] : 'only the production database is in scope'
