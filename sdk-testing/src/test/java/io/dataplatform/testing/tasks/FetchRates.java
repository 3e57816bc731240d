package io.dataplatform.testing.tasks;

import io.dataplatform.http.HttpResponse;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;
import java.time.LocalDate;

/** An API job: fetches the day's exchange rates and stores them in the raw bucket. */
public final class FetchRates implements JobTask {
    static final String API = "https://api.rates.example.com/v1/rates";

    @Override
    public void run(TaskContext context) {
        LocalDate date = context.arguments().date("date");
        HttpResponse rates = context.http().get(API + "?date=" + date, java.util.Map.of("Accept", "application/json"));
        context.platform().bucket(context.arguments().string("bucket", "acme-raw"))
                .put("rates/date=" + date + "/rates.json", rates.body());
    }
}
