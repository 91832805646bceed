evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE') : 'mining evidence is CRITICAL and must fail the build'
assertNoStackTrace(log)

def report = findings()
def mining = findingsOf(report, 'threat-cryptomining')
assert mining.collect { it.server.name } == ['web-1'] : "only the open GuardDuty finding counts, got ${mining.collect { it.server.name }}"
assert mining[0].severity == 'CRITICAL'
assert mining[0].message.contains('Datatilsynet') && mining[0].message.contains('72 hours') : 'incident response first'
assert !findingsOf(report, 'monitoring-no-threat-detection').any { it.server.name == 'web-1' } : 'GuardDuty watches web-1'

assert report.resources[0].name == 'web-1' : "the mined server must lead findings.json, got ${report.resources*.name}"
assert report.resources[0].risk.score >= 52 && report.resources[0].risk.reasons[0].category == 'threat'
assert report.resources*.risk*.score == report.resources*.risk*.score.sort(false).reverse() : 'most at risk first'

def top = log.readLines().findIndexOf { it.contains('Top findings, most at risk first') }
assert top >= 0 : 'the log must list the top findings'
def first = log.readLines()[top + 1]
assert first.contains('CRITICAL') && first.contains('threat-cryptomining') && first.contains('web-1 (i-5382bb0f38c4a3202)') \
        && first.contains('owner ') : "the log's first top finding must be the mined server, got: ${first}"

def html = new File(basedir, 'target/cloud-audit/report.html').getText('UTF-8')
def firstStory = (html =~ /<span class="story-name">([^<]*)<\/span>/)
assert firstStory.find() && firstStory.group(1) == 'web-1' : 'the mined server must be the first story of the spotlight'
