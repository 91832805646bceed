evaluate(new File(basedir, "../../../src/verify-support.groovy"))

stopServer('moto.pid')

def log = buildLog()
assert log.contains('BUILD SUCCESS')
assertNoStackTrace(log)
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.count('AWS: reading 1 account-region pair(s)') == 2 :
        'the live audit and the snapshot both read the one region that cloud-audit.yml names'
assert log =~ /Wrote a snapshot of 2 servers and \d+ coverage gap\(s\)/

def live = findings('target/live')
def offline = findings('target/offline')
def summary = { report -> report.findings.collect { def server = serverOf(report, it)
    [it.ruleId, server.account, server.region, server.id, it.severity, it.verified, it.message] } }
assert summary(live).any { it[0] == 'legacy-db-engine' } : 'MySQL 5.7 on orders-db is past its end of support'
assert summary(live).any { it[0] == 'audit-incomplete' } : 'moto cannot answer SSM: the audit says it is incomplete'
assert summary(offline) == summary(live) : 'the snapshot audited offline finds what the live audit found'
assert live.audit.apiCalls['ec2:DescribeInstances'] == 1
assert live.resources.find { it.name == 'legacy-db' }.origin.operation == 'ec2:DescribeInstances'

def secrets = ['AKIAFAKEDONOTLEAK1234', 'fakeSecretDoNotLeak', 'FakeSessionTokenDoNotLeak']
def texts = [log] + new File(basedir, 'target').listFiles().findAll { it.isDirectory() }
        .collectMany { it.listFiles().toList() }.findAll { it.isFile() }.collect { it.getText('UTF-8') }
assert texts.size() > 8 : 'reports of both audits were read'
secrets.each { secret -> assert texts.every { !it.contains(secret) } : "a credential reached the log or a report" }
true
