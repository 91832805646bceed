package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.time.LocalDate;
import java.util.List;

/**
 * What the audit derives about one server before the rules run; rules share it and findings.json reports it.
 *
 * @param server             the server
 * @param hostsDatabase      a managed database, or a VM with evidence of one
 * @param databaseEvidence   why it is believed to host a database (empty when it does not)
 * @param osLabel            the detected operating system as people name it, null when unknown
 * @param osEndOfSupport     end of support of that OS from the lifecycle table, null when unknown
 * @param engineLabel        the database engine and version, null when none or unknown
 * @param engineEndOfSupport end of standard support of that engine, null when unknown
 * @param owner              the owner from the first required tag present, null when none
 * @param classification     the sensitive data classification tag value, null when none
 * @param databaseReasons    the database evidence as texts for reports in other languages, one per line of
 *                           {@code databaseEvidence}, whose English rendering that is
 */
public record ServerProfile(Server server, boolean hostsDatabase, List<String> databaseEvidence,
                            String osLabel, LocalDate osEndOfSupport, String engineLabel,
                            LocalDate engineEndOfSupport, String owner, String classification,
                            List<TextArg> databaseReasons) {

    public ServerProfile {
        databaseEvidence = List.copyOf(databaseEvidence);
        databaseReasons = List.copyOf(databaseReasons);
    }

    /** A profile whose database evidence is told in English only, as given. */
    public ServerProfile(Server server, boolean hostsDatabase, List<String> databaseEvidence, String osLabel,
                         LocalDate osEndOfSupport, String engineLabel, LocalDate engineEndOfSupport, String owner,
                         String classification) {
        this(server, hostsDatabase, databaseEvidence, osLabel, osEndOfSupport, engineLabel, engineEndOfSupport, owner,
                classification, databaseEvidence.stream().<TextArg>map(Text.Name::new).toList());
    }

    /** Why it is believed to host a database, as one text: "port 3306 (...) open to ...; tag role=db". */
    public Text.Joined databaseReason() {
        return new Text.Joined(databaseReasons, "; ");
    }

    public boolean sensitiveData() {
        return classification != null;
    }
}
