package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class Ec2SecurityGroupsReaderTest {

    @Test
    void everyKindOfSourceBecomesAnIngressRuleOfTheServersInTheGroup() throws IOException {
        Server sql = server(load(cases()), "sql-web");

        assertThat(sql.ingress())
                .extracting(IngressRule::protocol, IngressRule::fromPort, IngressRule::toPort, IngressRule::source)
                .containsExactlyInAnyOrder(
                        tuple("tcp", 1433, 1433, "::/0"),
                        tuple("tcp", 1433, 1433, appGroupId(sql)),
                        tuple("-1", null, null, "10.0.0.0/8"),
                        tuple("tcp", 3389, 3389, officePrefixList(sql)),
                        tuple("icmp", -1, -1, "0.0.0.0/0"));
        assertThat(sql.ingress()).allSatisfy(rule -> assertThat(rule.via()).matches("sql-sg \\(sg-[0-9a-f]+\\)"));
        assertThat(sql.ingress()).filteredOn(IngressRule::fromInternet).extracting(IngressRule::fromPort)
                .containsExactlyInAnyOrder(1433, -1);
    }

    private static String appGroupId(Server sql) {
        return sourceStartingWith(sql, "sg-");
    }

    private static String officePrefixList(Server sql) {
        return sourceStartingWith(sql, "pl-");
    }

    private static String sourceStartingWith(Server server, String prefix) {
        return server.ingress().stream().map(IngressRule::source).filter(s -> s.startsWith(prefix)).findFirst().orElseThrow();
    }
}
