// Shared by the ITs' verify.groovy scripts: read the outputs and fail with a message that says what was wrong.
import groovy.json.JsonSlurper

findings = { String folder = 'target/cloud-audit' ->
    File file = new File(basedir, "${folder}/findings.json")
    assert file.isFile() : "findings.json was not written to ${file}"
    new JsonSlurper().parse(file)
}

buildLog = { -> new File(basedir, 'build.log').getText('UTF-8') }

/** Stops the server prebuild.groovy started, whose process id it wrote to this file. */
stopServer = { String pidFile ->
    File pid = new File(basedir, pidFile)
    if (pid.isFile()) {
        ProcessHandle.of(pid.text.trim() as long).ifPresent { it.destroy() }
    }
}

// A finding names its resource by key (or, about no listed resource, its scope); join them as a consumer would.
serverOf = { report, finding ->
    finding.resource == null ? finding.scope : report.resources.find { it.key == finding.resource }
}

findingsOf = { report, String ruleId ->
    report.findings.findAll { it.ruleId == ruleId }.collect { it + [server: serverOf(report, it)] }
}

assertNoStackTrace = { String log ->
    assert !(log =~ /(?m)^\s+at [a-z]+\.[\w.$]+\(/) : 'the build log contains a Java stack trace'
}

// The runs on older Mavens say which Maven they expect, and print its home (-V): a build on another Maven fails.
if (binding.hasVariable('expectedMavenHome')) {
    String home = new File(expectedMavenHome).canonicalPath
    assert buildLog().contains("Maven home: ${home}") : "the build did not run on the Maven in ${home}"
}
