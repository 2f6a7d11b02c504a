package io.herald.adapters.inbound.rest.brand;

import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageBrandsUseCase;
import io.herald.domain.brand.Brand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's brands API: the look (colours, logo, footer, head markup) and snippets emails are rendered with. */
@Tag(name = "Brands")
@Controller("/brands")
@ExecuteOn(TaskExecutors.BLOCKING)
class BrandsController {

    private final ManageBrandsUseCase brands;

    BrandsController(ManageBrandsUseCase brands) {
        this.brands = brands;
    }

    @Post
    Map<String, Object> create(@Body Map<String, Object> body) {
        return view(brands.create(JsonBody.of(body).raw()));
    }

    @Get("/{brand_id}")
    Map<String, Object> get(@PathVariable("brand_id") String brandId) {
        return brands.find(brandId).map(BrandsController::view).orElseThrow(() -> new NotFoundException("No brand '" + brandId + "'"));
    }

    @Put("/{brand_id}")
    Map<String, Object> update(@PathVariable("brand_id") String brandId, @Body Map<String, Object> body) {
        return view(brands.update(brandId, JsonBody.of(body).raw()));
    }

    @Get
    Map<String, Object> list(@Nullable @QueryValue String cursor) {
        return Paging.of(brands.list(Optional.ofNullable(cursor), Paging.DEFAULT_LIMIT), "results", BrandsController::view);
    }

    @Delete("/{brand_id}")
    HttpResponse<Void> delete(@PathVariable("brand_id") String brandId) {
        brands.delete(brandId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Courier's {@code Brand}: times in epoch milliseconds; a brand is published when it is saved. */
    static Map<String, Object> view(Brand brand) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", brand.id());
        body.put("name", brand.name());
        body.put("created", brand.created().toEpochMilli());
        body.put("updated", brand.updated().toEpochMilli());
        body.put("published", brand.updated().toEpochMilli());
        body.put("settings", brand.settings());
        List<Map<String, Object>> items = brand.snippets().entrySet().stream()
                .map(snippet -> Map.<String, Object>of("name", snippet.getKey(), "value", snippet.getValue())).toList();
        body.put("snippets", Map.of("items", items));
        body.put("version", "latest");
        return body;
    }
}
