package io.dataplatform.testing.tasks;

import io.dataplatform.email.Attachment;
import io.dataplatform.email.Email;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;
import java.time.LocalDate;

/** An email job: reads the day's totals from S3 and mails them with the CSV attached. */
public final class SendSalesReport implements JobTask {

    @Override
    public void run(TaskContext context) {
        LocalDate date = context.arguments().date("date");
        byte[] totals = context.platform().bucket("acme-curated").get("totals/" + date + ".csv").bytes();
        String messageId = context.email().send(Email.builder()
                .from(context.arguments().string("from"))
                .to(context.arguments().list("to").toArray(String[]::new))
                .cc(context.arguments().string("cc"))
                .subject("Sales for " + date + " — daily report")
                .text("Totals for " + date + " attached.")
                .html("<p>Totals for <b>" + date + "</b> attached.</p>")
                .attach(Attachment.of("totals-" + date + ".csv", "text/csv", totals))
                .build());
        context.logger().info("sent report {}", messageId);
    }
}
