package io.dataplatform.testing.athena;

import io.dataplatform.glue.DataFormat;
import io.dataplatform.testing.FakeAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The conformance suite's TPC-H-like tables in a fake world: headerless CSV objects in bucket
 * {@code conformance} under {@code tpch/<table>/}, and Glue tables in database {@code tpch}, as
 * {@code athena-conformance/tpch/schema.txt} lists them.
 */
final class ConformanceLake {
    static final String DATABASE = "tpch";
    static final String BUCKET = "conformance";

    private ConformanceLake() {
    }

    static void create(FakeAws aws) {
        Path folder = ConformanceCase.directory().resolve("tpch");
        aws.s3().createBucket(b -> b.bucket(BUCKET));
        aws.glue().createDatabase(d -> d.databaseInput(i -> i.name(DATABASE)));
        try {
            for (String line : Files.readAllLines(folder.resolve("schema.txt"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String name = line.substring(0, line.indexOf(':')).strip();
                List<Column> columns = new ArrayList<>();
                for (String pair : ConformanceCase.splitTypes(line.substring(line.indexOf(':') + 1))) {
                    String[] nameType = pair.split(" ", 2);
                    columns.add(Column.builder().name(nameType[0]).type(nameType[1].strip()).build());
                }
                byte[] data = Files.readAllBytes(folder.resolve(name + ".csv"));
                aws.s3().putObject(b -> b.bucket(BUCKET).key("tpch/" + name + "/" + name + ".csv"), RequestBody.fromBytes(data));
                table(aws, name, columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(FakeAws aws, String name, List<Column> columns) {
        DataFormat format = DataFormat.csv(',', false);
        StorageDescriptor descriptor = StorageDescriptor.builder().location("s3://" + BUCKET + "/tpch/" + name + "/")
                .columns(columns).inputFormat(format.inputFormat()).outputFormat(format.outputFormat())
                .serdeInfo(s -> s.serializationLibrary(format.serializationLibrary()).parameters(format.serdeParameters()))
                .build();
        aws.glue().createTable(t -> t.databaseName(DATABASE).tableInput(TableInput.builder().name(name)
                .tableType("EXTERNAL_TABLE").parameters(new LinkedHashMap<>(format.tableParameters()))
                .storageDescriptor(descriptor).build()));
    }
}
