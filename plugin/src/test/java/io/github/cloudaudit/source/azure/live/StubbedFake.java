package io.github.cloudaudit.source.azure.live;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/** A fake service of {@link AzureTestServer}: it answers only the stubs that name it, never every request. */
abstract class StubbedFake implements ResponseDefinitionTransformerV2 {

    private final String name;

    StubbedFake(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }
}
