package io.github.cloudaudit.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedValuesTest {

    @Test
    void anEqualValueIsReplacedByTheFirstCopyAndNullStaysNull() {
        SharedValues shared = new SharedValues();
        String first = new String("m5.large");
        String second = new String("m5.large");

        assertThat(shared.of(first)).isSameAs(first);
        assertThat(shared.of(second)).isSameAs(first);
        assertThat(shared.of(new String("m4.large"))).isNotSameAs(first).isEqualTo("m4.large");
        assertThat(shared.<String>of(null)).isNull();
    }

    /** Each value servers repeat is held once, and the servers are what they were without sharing. */
    @Test
    void serversBuiltFromEqualValuesHoldOneCopyOfEach() {
        SharedValues shared = new SharedValues();
        Server first = repeated("i-1").sharing(shared).build();
        Server second = repeated("i-2").sharing(shared).build();

        assertThat(second).isEqualTo(repeated("i-2").build());
        assertThat(List.of(second.type(), second.image(), second.os(), second.engine(), second.networkIds(),
                second.ingress(), second.launchedOn(), second.stateSince(), second.attachedDisks(),
                second.monitoring()))
                .zipSatisfy(List.of(first.type(), first.image(), first.os(), first.engine(), first.networkIds(),
                        first.ingress(), first.launchedOn(), first.stateSince(), first.attachedDisks(),
                        first.monitoring()), (value, firstValue) -> assertThat(value).isSameAs(firstValue));
    }

    @Test
    void aSharedListIsACopyThatTheReaderCannotChangeLater() {
        List<String> networks = new ArrayList<>(List.of("vpc-1"));
        Server server = Server.builder().provider(Provider.AWS).id("i-1").networkIds(networks)
                .sharing(new SharedValues()).build();

        networks.add("vpc-2");

        assertThat(server.networkIds()).containsExactly("vpc-1");
    }

    /** Every value is a new object, as a parser gives them, equal to those of every other server. */
    private static Server.Builder repeated(String id) {
        return Server.builder().provider(Provider.AWS).id(id).account("123456789012").region("eu-north-1")
                .type(new String("m5.large")).image(new String("ami-1"))
                .os(new OperatingSystem(new String("ubuntu"), "22.04", null))
                .engine(new DatabaseEngine(new String("mysql"), "8.0"))
                .networkIds(new ArrayList<>(List.of(new String("vpc-1"))))
                .ingress(new ArrayList<>(List.of(new IngressRule("tcp", 3306, 3306, new String("10.0.0.0/8"), null))))
                .launchedOn(LocalDate.of(2020, 1, 1)).stateSince(LocalDate.of(2020, 1, 1))
                .attachedDisks(Integer.valueOf(1000)).monitoring(new Monitoring(true, false, null));
    }
}
