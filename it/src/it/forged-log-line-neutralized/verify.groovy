evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
def forged = { String text ->
    text.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/).findAll {
        it.startsWith('[INFO] BUILD SUCCESS (forged)') || it.startsWith('::error') || it.startsWith('##vso[')
    }
}
assert log.contains('Cloud audit DONE') : 'the audit must have run and logged its findings'
assert log.contains('\\u000a') : 'inventory text with line breaks must reach the log (the top findings name the server), neutralized'
assert forged(log).isEmpty() : "the inventory wrote lines of its own into the build log: ${forged(log)}"
assert !log.contains('\u001b') : 'a terminal escape reached the build log'
['summary.md', 'junit.xml', 'report.html'].each { name ->
    def text = new File(basedir, "target/cloud-audit/${name}").getText('UTF-8')
    assert forged(text).isEmpty() : "the inventory wrote lines of its own into ${name}: ${forged(text)}"
    assert !text.contains('\u001b') && !text.contains('\r') : "a control character reached ${name}"
}
assertNoStackTrace(log)
