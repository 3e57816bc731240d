package io.dataplatform.athena.internal;

import io.dataplatform.InvalidRequestException;
import io.dataplatform.ResourceAlreadyExistsException;
import io.dataplatform.athena.Workgroup;
import io.dataplatform.athena.WorkgroupBuilder;
import io.dataplatform.cost.DataSize;
import io.dataplatform.internal.Checks;
import io.dataplatform.s3.S3Location;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;

/** Creates a workgroup with CreateWorkGroup. */
final class DefaultWorkgroupBuilder implements WorkgroupBuilder {
    /** BytesScannedCutoffPerQuery's documented minimum value: 10,000,000 bytes. */
    static final DataSize MIN_CUTOFF = DataSize.ofMegabytes(10);

    private final AthenaContext context;
    private final String name;
    private DataSize cutoff;
    private S3Location outputLocation;
    private boolean enforce;
    private String description;

    DefaultWorkgroupBuilder(AthenaContext context, String name) {
        this.context = context;
        this.name = name;
    }

    @Override
    public WorkgroupBuilder bytesScannedCutoffPerQuery(DataSize cutoff) {
        Checks.notNull(cutoff, "bytesScannedCutoffPerQuery");
        Checks.require(!MIN_CUTOFF.isGreaterThan(cutoff),
                "bytesScannedCutoffPerQuery must be >= 10 MB (Athena's minimum), but was %s", cutoff);
        this.cutoff = cutoff;
        return this;
    }

    @Override
    public WorkgroupBuilder outputLocation(S3Location location) {
        this.outputLocation = Checks.notNull(location, "outputLocation");
        return this;
    }

    @Override
    public WorkgroupBuilder enforceConfiguration() {
        this.enforce = true;
        return this;
    }

    @Override
    public WorkgroupBuilder description(String description) {
        Checks.notNull(description, "description");
        Checks.require(description.length() <= 1024, "description must be at most 1024 characters, but was %s",
                description.length());
        this.description = description;
        return this;
    }

    @Override
    public Workgroup create() {
        WorkGroupConfiguration.Builder configuration = WorkGroupConfiguration.builder()
                .enforceWorkGroupConfiguration(enforce)
                .publishCloudWatchMetricsEnabled(true);
        if (cutoff != null) {
            configuration.bytesScannedCutoffPerQuery(cutoff.bytes());
        }
        if (outputLocation != null) {
            configuration.resultConfiguration(r -> r.outputLocation(outputLocation.uri()));
        }
        WorkGroupConfiguration built = configuration.build();
        try {
            context.athenaInvoker().run("CreateWorkGroup", name, () -> context.athena().get()
                    .createWorkGroup(r -> r.name(name).description(description).configuration(built)));
        } catch (InvalidRequestException e) {
            // Athena has no AlreadyExists error: a duplicate name is an InvalidRequestException "WorkGroup is already created".
            if (e.getMessage() != null && e.getMessage().contains("already")) {
                throw new ResourceAlreadyExistsException("Athena workgroup '" + name + "' already exists", e.getCause());
            }
            throw e;
        }
        return new Workgroup(name, cutoff, outputLocation == null ? null : outputLocation.uri());
    }

    @Override
    public String toString() {
        return "WorkgroupBuilder{name=" + name + "}";
    }
}
