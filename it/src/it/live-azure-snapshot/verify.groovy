evaluate(new File(basedir, "../../../src/verify-support.groovy"))

stopServer('wiremock.pid')

def log = buildLog()
assert log.contains('BUILD SUCCESS')
assertNoStackTrace(log)
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert !log.contains('[WARNING] {"az.sdk.message"') : 'the Azure SDK has nothing to warn about'
assert log.contains('Azure: reading 2 subscription(s) through Resource Graph')
assert log =~ /Wrote a snapshot of 2 servers and 0 coverage gap\(s\)/

def live = findings('target/live')
def offline = findings('target/offline')
def summary = { report -> report.findings.collect { def server = serverOf(report, it)
    [it.ruleId, server.account, server.id, it.severity, it.verified, it.message] } }
def first = summary(live)[0]
// Its sustained high CPU (the mining signature) and the forgotten database are both CRITICAL risks of that VM.
assert first[0] in ['cpu-sustained-high', 'risk-forgotten-database'] && first[3] == 'CRITICAL' &&
        first[2].endsWith('/legacy-erp-sql') :
        "the forgotten SQL Server 2014 VM leads: ${first}"
assert !summary(live).any { it[0] == 'audit-incomplete' } : 'every subscription was read'
assert summary(live).findAll { it[2].endsWith('/orders-db') }.every { it[3] in ['INFO', 'LOW'] } :
        'the healthy server yields nothing above LOW'
assert summary(offline) == summary(live) : 'the snapshot audited offline finds what the live audit found'
assert live.audit.apiCalls['resourcegraph:resources'] == 1
assert live.audit.apiCalls['resourcegraph:securityresources'] == 1
assert live.resources.find { it.name == 'legacy-erp-sql' }.origin.operation == 'resourcegraph:resources'
// Azure Monitor: one metrics batch and one diagnostic-settings GET per subscription feed CPU and the audit trail.
assert live.audit.apiCalls['insights:metrics:getBatch'] == 2 && live.audit.apiCalls['insights:diagnosticSettings'] == 2
assert summary(live).findAll { it[3] == 'CRITICAL' }.collect { it[0] + ' ' + it[2].tokenize('/')[-1] } ==
        ['cpu-sustained-high legacy-erp-sql', 'risk-forgotten-database legacy-erp-sql']
assert summary(live).any { it[0] == 'monitoring-no-audit-trail' && it[2].endsWith('/legacy-erp-sql') && it[4] }

def secrets = ['client-secret-never-logged', 'access-token-never-logged']
def texts = [log] + new File(basedir, 'target').listFiles().findAll { it.isDirectory() }
        .collectMany { it.listFiles().toList() }.findAll { it.isFile() }.collect { it.getText('UTF-8') }
assert texts.size() > 8 : 'reports of both audits were read'
secrets.each { secret -> assert texts.every { !it.contains(secret) } : "a secret or token reached the log or a report" }
true
