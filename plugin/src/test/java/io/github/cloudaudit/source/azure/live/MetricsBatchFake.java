package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * Azure Monitor's metrics batch API ({@code metrics:getBatch}) for any VMs a call asks for: each gets the hours of
 * its window, all at one average CPU, in the documented answer. Used where the answers' content does not matter, only
 * their number and size (the benchmark); tests that check the mapping stub exact answers with {@link #answer}.
 */
public final class MetricsBatchFake extends StubbedFake {

    static final String NAME = "azure-metrics-batch-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The end of every answer's window, an hour boundary as the plugin asks. */
    private static final Instant END = Instant.parse("2026-11-30T10:00:00Z");

    private volatile int hours = 24;
    private volatile double average = 20.0;

    MetricsBatchFake() {
        super(NAME);
    }

    /** What every VM gets from now on: this many hourly points of this average. */
    public void points(int hours, double average) {
        this.hours = hours;
        this.average = average;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        List<String> ids = new ArrayList<>();
        try {
            JSON.readTree(event.getRequest().getBodyAsString()).path("resourceids").forEach(id -> ids.add(id.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return okJson(answer(ids, average, hours).toString()).build();
    }

    /**
     * The documented batch answer: per VM the metrics list {@code az monitor metrics list} prints, with
     * {@code resourceid} added; hourly points up to the window's end, of the given average and a maximum of 100.
     */
    static ObjectNode answer(List<String> ids, double average, int hours) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode values = answer.putArray("values");
        for (String id : ids) {
            ObjectNode resource = values.addObject().put("starttime", "2026-11-16T10:00:00Z")
                    .put("endtime", END.toString()).put("interval", "PT1H")
                    .put("namespace", "microsoft.compute/virtualmachines").put("resourceregion", "westeurope")
                    .put("resourceid", id);
            ObjectNode metric = resource.putArray("value").addObject()
                    .put("id", id + "/providers/Microsoft.Insights/metrics/Percentage CPU")
                    .put("type", "Microsoft.Insights/metrics").put("displayDescription", "The percentage of allocated "
                            + "compute units that are currently in use by the Virtual Machine(s)")
                    .put("unit", "Percent").put("errorCode", "Success");
            metric.putObject("name").put("value", "Percentage CPU").put("localizedValue", "Percentage CPU");
            ObjectNode series = metric.putArray("timeseries").addObject();
            series.putArray("metadatavalues");
            ArrayNode data = series.putArray("data");
            for (int hour = hours; hour > 0; hour--) {
                data.addObject().put("timeStamp", END.minusSeconds(3600L * hour).toString())
                        .put("average", average).put("maximum", 100.0);
            }
        }
        return answer;
    }
}
