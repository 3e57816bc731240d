package io.dataplatform.testing.glue;

import io.dataplatform.email.Email;
import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;

/** An on-failure job: emails the team naming the workflow run Glue started it in. */
public final class AlertTeamTask implements JobTask {

    @Override
    public void run(TaskContext context) {
        String workflow = context.arguments().string("WORKFLOW_NAME", "(no workflow)");
        String run = context.arguments().string("WORKFLOW_RUN_ID", "(no run)");
        context.email().send(Email.builder()
                .from("alerts@acme.example")
                .to("team@acme.example")
                .subject("Workflow " + workflow + " failed")
                .text("Run " + run + " needs a look: resume it once the input is fixed.")
                .build());
    }
}
