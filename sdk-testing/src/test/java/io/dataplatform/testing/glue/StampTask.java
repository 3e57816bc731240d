package io.dataplatform.testing.glue;

import io.dataplatform.tasks.JobTask;
import io.dataplatform.tasks.TaskContext;

/** A plain-Java task: writes a stamp object, or fails when told to. */
public final class StampTask implements JobTask {
    @Override
    public void run(TaskContext context) {
        String date = context.arguments().string("date");
        if (context.arguments().string("fail", "no").equals("yes")) {
            throw new IllegalStateException("no stamp for " + date);
        }
        context.platform().bucket("acme-out").put("stamps/" + date + ".txt", "stamped " + date);
    }
}
