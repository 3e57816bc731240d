package io.dataplatform.testing.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.spark.internal.S3ClientFileSystem;
import io.dataplatform.spark.internal.S3ClientRegistry;
import io.dataplatform.spark.internal.SharedSpark;
import io.dataplatform.testing.AwsService;
import io.dataplatform.testing.FakeAws;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The Hadoop FileSystem contract as Spark uses it, over the fake S3 client: no Spark session needed. */
class S3ClientFileSystemTest {
    private final FakeAws aws = FakeAws.create();
    private final S3Client s3 = aws.s3();
    private final List<String> clientIds = new ArrayList<>();
    private FileSystem fs;

    @BeforeEach
    void createBucket() throws IOException {
        s3.createBucket(b -> b.bucket("acme-raw"));
        fs = fileSystem(s3, "s3://acme-raw/", new Configuration(false));
    }

    @AfterEach
    void unregister() {
        clientIds.forEach(S3ClientRegistry.jvm()::unregister);
    }

    private FileSystem fileSystem(S3Client client, String uri, Configuration conf) throws IOException {
        SharedSpark.configureS3(conf);
        String id = S3ClientRegistry.jvm().register(client);
        clientIds.add(id);
        conf.set(S3ClientFileSystem.CLIENT_ID, id);
        return FileSystem.get(URI.create(uri), conf);
    }

    private void put(String key, String content) {
        s3.putObject(b -> b.bucket("acme-raw").key(key), RequestBody.fromString(content));
    }

    private static Path path(String key) {
        return new Path("s3://acme-raw/" + key);
    }

    private static List<String> names(FileStatus[] statuses) {
        return Arrays.stream(statuses).map(s -> s.getPath().getName() + (s.isDirectory() ? "/" : "")).toList();
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket("acme-raw")).contents().stream().map(S3Object::key).toList();
    }

    private String read(Path path) throws IOException {
        try (FSDataInputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void getFileStatus_object_isFileWithLength() throws IOException {
        put("sales/2024/01/sales.csv", "id,amount\n1,10\n");

        FileStatus status = fs.getFileStatus(path("sales/2024/01/sales.csv"));

        assertThat(status.isFile()).isTrue();
        assertThat(status.getLen()).isEqualTo(15);
        assertThat(status.getPath()).isEqualTo(path("sales/2024/01/sales.csv"));
        assertThat(status.getModificationTime()).isEqualTo(FakeAws.DEFAULT_START.toEpochMilli());
    }

    @Test
    void getFileStatus_prefixOfKeys_isDirectory() throws IOException {
        put("sales/2024/01/sales.csv", "x");

        assertThat(fs.getFileStatus(path("sales")).isDirectory()).isTrue();
        assertThat(fs.getFileStatus(path("sales/2024/01")).isDirectory()).isTrue();
        assertThat(fs.getFileStatus(new Path("s3://acme-raw/")).isDirectory()).isTrue();
    }

    @Test
    void statuses_areEncrypted_asTheSpecRequiresOfStoresWithoutPermissions() throws IOException {
        put("dir/a.csv", "1");
        fs.mkdirs(path("empty"));

        assertThat(fs.getFileStatus(path("dir/a.csv")).isEncrypted()).isTrue();
        assertThat(fs.getFileStatus(path("dir")).isEncrypted()).isTrue();
        assertThat(fs.getFileStatus(path("empty")).isEncrypted()).isTrue();
        assertThat(fs.getFileStatus(new Path("s3://acme-raw/")).isEncrypted()).isTrue();
        assertThat(fs.listStatus(new Path("s3://acme-raw/"))).allMatch(FileStatus::isEncrypted);
        assertThat(fs.listStatus(path("dir"))).allMatch(FileStatus::isEncrypted);
    }

    @Test
    void statuses_areOwnedByTheCurrentUser_asInS3A() throws IOException {
        put("dir/a.csv", "1");
        String user = UserGroupInformation.getCurrentUser().getShortUserName();

        for (FileStatus status : List.of(fs.getFileStatus(path("dir/a.csv")), fs.getFileStatus(path("dir")),
                fs.listStatus(path("dir"))[0])) {
            assertThat(status.getOwner()).isEqualTo(user).isNotEmpty();
            assertThat(status.getGroup()).isEqualTo(user);
        }
    }

    @Test
    void getFileStatus_missing_throwsFileNotFound() {
        put("sales/2024/01/sales.csv", "x");

        assertThatThrownBy(() -> fs.getFileStatus(path("sale")))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("No such file or directory: s3://acme-raw/sale");
    }

    @Test
    void listStatus_directory_listsFilesAndSubdirectoriesOneLevelDeep() throws IOException {
        put("sales/a.csv", "1");
        put("sales/b.csv", "22");
        put("sales/2024/01/c.csv", "333");
        put("sales/2024/02/d.csv", "4444");
        put("salesman/e.csv", "5");

        FileStatus[] children = fs.listStatus(path("sales"));

        assertThat(names(children)).containsExactly("a.csv", "b.csv", "2024/");
        assertThat(children[1].getLen()).isEqualTo(2);
        assertThat(names(fs.listStatus(new Path("s3://acme-raw/")))).containsExactly("sales/", "salesman/");
    }

    @Test
    void listStatus_file_returnsTheFileItself() throws IOException {
        put("sales/a.csv", "1");

        assertThat(names(fs.listStatus(path("sales/a.csv")))).containsExactly("a.csv");
    }

    @Test
    void listStatus_missing_throwsFileNotFound() {
        assertThatThrownBy(() -> fs.listStatus(path("nothing")))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("No such file or directory: s3://acme-raw/nothing");
    }

    @Test
    void listStatus_moreThanOneThousandKeys_pagesThroughAll() throws IOException {
        for (int i = 0; i < 1_205; i++) {
            put(String.format("many/part-%05d.csv", i), "x");
        }

        FileStatus[] children = fs.listStatus(path("many"));

        assertThat(children).hasSize(1_205);
        assertThat(children[1_204].getPath().getName()).isEqualTo("part-01204.csv");
        assertThat(aws.calls().count(AwsService.S3, "ListObjectsV2")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void delete_recursiveOverMoreThanOneThousandKeys_deletesAllInBatches() throws IOException {
        for (int i = 0; i < 1_205; i++) {
            put(String.format("many/part-%05d.csv", i), "x");
        }
        put("keep.csv", "k");

        assertThat(fs.delete(path("many"), true)).isTrue();

        assertThat(keys()).containsExactly("keep.csv");
        assertThat(aws.calls().count(AwsService.S3, "DeleteObjects")).isEqualTo(2);
        assertThat(fs.exists(path("many"))).isFalse();
    }

    @Test
    void open_readsWholeObject() throws IOException {
        put("a.txt", "hello, world");

        assertThat(read(path("a.txt"))).isEqualTo("hello, world");
    }

    @Test
    void open_seekAndPositionedReads_returnTheRightBytes() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        s3.putObject(b -> b.bucket("acme-raw").key("blob.bin"), RequestBody.fromBytes(data));

        try (FSDataInputStream in = fs.open(path("blob.bin"))) {
            in.seek(250_000);
            byte[] tail = new byte[10];
            in.readFully(tail);
            assertThat(tail).isEqualTo(Arrays.copyOfRange(data, 250_000, 250_010));
            assertThat(in.getPos()).isEqualTo(250_010);

            byte[] head = new byte[4];
            in.readFully(3, head);
            assertThat(head).isEqualTo(Arrays.copyOfRange(data, 3, 7));

            in.seek(100);
            assertThat(in.read()).isEqualTo(data[100] & 0xff);
            in.seek(data.length);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void open_seekBackwards_reopensWithRangedGet() throws IOException {
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        s3.putObject(b -> b.bucket("acme-raw").key("blob.bin"), RequestBody.fromBytes(data));
        aws.calls().clear();

        try (FSDataInputStream in = fs.open(path("blob.bin"))) {
            in.seek(150_000);
            in.readFully(new byte[8]);
            in.seek(10);
            assertThat(in.read()).isEqualTo(data[10] & 0xff);
        }

        assertThat(aws.calls().count(AwsService.S3, "GetObject")).isEqualTo(2);
    }

    @Test
    void open_objectOverwrittenWhileRead_failsInsteadOfMixingVersions() throws IOException {
        byte[] first = new byte[200_000];
        new Random(5).nextBytes(first);
        s3.putObject(b -> b.bucket("acme-raw").key("blob.bin"), RequestBody.fromBytes(first));

        try (FSDataInputStream in = fs.open(path("blob.bin"))) {
            in.seek(150_000);
            in.readFully(new byte[8]);
            byte[] second = new byte[200_000];
            new Random(6).nextBytes(second);
            s3.putObject(b -> b.bucket("acme-raw").key("blob.bin"), RequestBody.fromBytes(second));
            in.seek(10);

            assertThatThrownBy(in::read)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("s3://acme-raw/blob.bin changed while it was read: it is no longer the version ");
        }
    }

    @Test
    void open_seekPastEnd_throwsEof() throws IOException {
        put("a.txt", "abc");

        try (FSDataInputStream in = fs.open(path("a.txt"))) {
            assertThatThrownBy(() -> in.seek(4)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void open_skipPastEnd_skipsToTheEndAndReturnsTheBytesSkipped() throws IOException {
        put("a.txt", "abc");

        try (FSDataInputStream in = fs.open(path("a.txt"))) {
            assertThat(in.read()).isEqualTo('a');
            // InputStream.skip: it "may ... end up skipping over some smaller number of bytes"; it does not fail at EOF.
            assertThat(in.skip(10)).isEqualTo(2);
            assertThat(in.getPos()).isEqualTo(3);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void open_closedStream_failsEveryReadWithIOException() throws IOException {
        put("a.txt", "abc");
        FSDataInputStream in = fs.open(path("a.txt"));
        in.close();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> in.seek(1)).isInstanceOf(IOException.class);
        // Positioned reads too: Hadoop's BufferedFSInputStream alone fails them with a NullPointerException.
        assertThatThrownBy(() -> in.read(1, new byte[2], 0, 2))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Stream is closed!: s3://acme-raw/a.txt");
        assertThatThrownBy(() -> in.readFully(1, new byte[2]))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Stream is closed!: s3://acme-raw/a.txt");
        assertThatThrownBy(() -> in.readFully(1, new byte[2], 0, 1))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Stream is closed!: s3://acme-raw/a.txt");
        in.close();
    }

    @Test
    void open_directory_throwsFileNotFound() {
        put("dir/a.txt", "abc");

        assertThatThrownBy(() -> fs.open(path("dir")))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("Cannot open s3://acme-raw/dir: it is a directory");
    }

    @Test
    void create_storesObjectOnlyWhenClosed() throws IOException {
        FSDataOutputStream out = fs.create(path("out/result.txt"));
        out.write("done".getBytes(UTF_8));

        assertThat(fs.exists(path("out/result.txt"))).isFalse();
        out.close();

        assertThat(read(path("out/result.txt"))).isEqualTo("done");
        assertThat(aws.calls().count(AwsService.S3, "CreateMultipartUpload")).isZero();
    }

    @Test
    void create_existingWithoutOverwrite_fails() {
        put("a.txt", "abc");

        assertThatThrownBy(() -> fs.create(path("a.txt"), false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("Cannot create s3://acme-raw/a.txt: it exists and overwrite is false");
    }

    @Test
    void create_overDirectory_fails() {
        put("dir/a.txt", "abc");

        assertThatThrownBy(() -> fs.create(path("dir"), true))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("Cannot create s3://acme-raw/dir: it is a directory");
    }

    @Test
    void create_underAFile_failsAndWritesNothing() throws IOException {
        put("a.txt", "abc");

        assertThatThrownBy(() -> fs.create(path("a.txt/sub/part-0.csv"), true).close())
                .isInstanceOf(ParentNotDirectoryException.class)
                .hasMessage("Cannot create s3://acme-raw/a.txt/sub/part-0.csv: s3://acme-raw/a.txt is a file");
        assertThat(keys()).containsExactly("a.txt");
    }

    @Test
    void create_inExistingDirectory_checksOneAncestorOnly() throws IOException {
        put("out/a/b/c.txt", "abc");
        aws.calls().clear();

        fs.create(path("out/a/b/new/d.txt")).close();

        assertThat(read(path("out/a/b/new/d.txt"))).isEmpty();
        // The parent out/a/b/new does not exist yet; out/a/b does, and ends the walk.
        assertThat(aws.calls().count(AwsService.S3, "ListObjectsV2")).isEqualTo(3);
    }

    @Test
    void create_writeWithInvalidArguments_failsAndWritesNothing() throws IOException {
        try (FSDataOutputStream out = fs.create(path("out.txt"))) {
            assertThatThrownBy(() -> out.write(new byte[4], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.write(new byte[4], 5, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.write(null, 0, 0)).isInstanceOf(NullPointerException.class);
            out.write("ok".getBytes(UTF_8), 0, 2);
            assertThat(out.getPos()).isEqualTo(2);
        }

        assertThat(read(path("out.txt"))).isEqualTo("ok");
    }

    @Test
    void create_largerThanPartSize_usesMultipartUpload() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set(S3ClientFileSystem.PART_SIZE, "5m");
        FileSystem multipart = fileSystem(s3, "s3://acme-raw/", conf);
        byte[] data = new byte[11 * 1024 * 1024];
        new Random(11).nextBytes(data);

        try (FSDataOutputStream out = multipart.create(path("big.bin"))) {
            out.write(data);
        }

        assertThat(aws.calls().count(AwsService.S3, "UploadPart")).isEqualTo(3);
        assertThat(aws.calls().count(AwsService.S3, "CompleteMultipartUpload")).isEqualTo(1);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("acme-raw").key("big.bin")).asByteArray()).isEqualTo(data);
    }

    @Test
    void create_failedPartUpload_abortsTheMultipartUpload() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set(S3ClientFileSystem.PART_SIZE, "5m");
        FileSystem multipart = fileSystem(s3, "s3://acme-raw/", conf);
        aws.faults().on(AwsService.S3, "UploadPart").after(1).failAlways(500);
        FSDataOutputStream out = multipart.create(path("big.bin"));

        assertThatThrownBy(() -> out.write(new byte[11 * 1024 * 1024]))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("UploadPart on s3://acme-raw/big.bin failed: ");

        assertThat(aws.calls().count(AwsService.S3, "AbortMultipartUpload")).isEqualTo(1);
        assertThat(s3.listMultipartUploads(b -> b.bucket("acme-raw")).uploads()).isEmpty();
        assertThat(keys()).isEmpty();
    }

    @Test
    void mkdirs_writesMarker_soEmptyDirectoryExists() throws IOException {
        assertThat(fs.mkdirs(path("out/_temporary/0"))).isTrue();

        assertThat(keys()).containsExactly("out/_temporary/0/");
        assertThat(fs.getFileStatus(path("out/_temporary/0")).isDirectory()).isTrue();
        assertThat(fs.listStatus(path("out/_temporary/0"))).isEmpty();
        assertThat(names(fs.listStatus(path("out")))).containsExactly("_temporary/");
    }

    @Test
    void mkdirs_existingDirectory_writesNothing() throws IOException {
        put("dir/a.txt", "abc");

        assertThat(fs.mkdirs(path("dir"))).isTrue();

        assertThat(keys()).containsExactly("dir/a.txt");
    }

    @Test
    void mkdirs_underAFile_fails() {
        put("a.txt", "abc");

        assertThatThrownBy(() -> fs.mkdirs(path("a.txt/sub")))
                .isInstanceOf(ParentNotDirectoryException.class)
                .hasMessage("Cannot create directory s3://acme-raw/a.txt/sub: s3://acme-raw/a.txt is a file");
    }

    @Test
    void delete_lastFile_keepsItsDirectory() throws IOException {
        put("dir/a.txt", "abc");

        assertThat(fs.delete(path("dir/a.txt"), false)).isTrue();

        assertThat(keys()).containsExactly("dir/");
        assertThat(fs.listStatus(path("dir"))).isEmpty();
    }

    @Test
    void delete_nonEmptyDirectoryWithoutRecursive_fails() {
        put("dir/a.txt", "abc");

        assertThatThrownBy(() -> fs.delete(path("dir"), false))
                .isInstanceOf(PathIsNotEmptyDirectoryException.class)
                .hasMessage("`s3://acme-raw/dir': Directory is not empty");
        assertThat(keys()).containsExactly("dir/a.txt");
    }

    @Test
    void delete_emptyDirectoryWithoutRecursive_deletesMarker() throws IOException {
        fs.mkdirs(path("dir"));

        assertThat(fs.delete(path("dir"), false)).isTrue();

        assertThat(keys()).isEmpty();
    }

    @Test
    void delete_missing_returnsFalse() throws IOException {
        assertThat(fs.delete(path("nothing"), true)).isFalse();
    }

    @Test
    void rename_file_copiesThenDeletes() throws IOException {
        put("in/a.txt", "abc");

        assertThat(fs.rename(path("in/a.txt"), path("out/b.txt"))).isTrue();

        assertThat(read(path("out/b.txt"))).isEqualTo("abc");
        assertThat(keys()).containsExactly("in/", "out/b.txt");
    }

    @Test
    void rename_directory_movesEveryKey() throws IOException {
        put("job/_temporary/0/_temporary/attempt_1/part-0.parquet", "p0");
        put("job/_temporary/0/_temporary/attempt_1/sub/part-1.parquet", "p1");

        assertThat(fs.rename(path("job/_temporary/0/_temporary/attempt_1"), path("job/_temporary/0/task_1"))).isTrue();

        assertThat(keys()).containsExactly("job/_temporary/0/_temporary/",
                "job/_temporary/0/task_1/part-0.parquet", "job/_temporary/0/task_1/sub/part-1.parquet");
    }

    @Test
    void rename_ontoExistingDirectory_movesSourceIntoIt() throws IOException {
        put("a.txt", "abc");
        fs.mkdirs(path("dir"));

        assertThat(fs.rename(path("a.txt"), path("dir"))).isTrue();

        assertThat(read(path("dir/a.txt"))).isEqualTo("abc");
    }

    @Test
    void rename_refusedCases_returnFalseAndChangeNothing() throws IOException {
        put("a.txt", "abc");
        put("b.txt", "def");
        put("dir/c.txt", "ghi");

        assertThat(fs.rename(path("missing.txt"), path("x.txt"))).isFalse();
        assertThat(fs.rename(path("a.txt"), path("b.txt"))).isFalse();
        assertThat(fs.rename(path("dir"), path("dir/inner"))).isFalse();
        assertThat(fs.rename(path("a.txt"), path("b.txt/under-a-file"))).isFalse();
        assertThat(keys()).containsExactly("a.txt", "b.txt", "dir/c.txt");
    }

    @Test
    void rename_fileIntoTheDirectoryItIsIn_isANoOpThatSucceeds() throws IOException {
        put("dir/a.txt", "abc");

        assertThat(fs.rename(path("dir/a.txt"), path("dir"))).isTrue();

        assertThat(keys()).containsExactly("dir/a.txt");
        assertThat(read(path("dir/a.txt"))).isEqualTo("abc");
    }

    @Test
    void rename_underAFileSeveralLevelsUp_returnsFalseAndChangesNothing() throws IOException {
        put("a.txt", "abc");
        put("in/b.txt", "def");

        assertThat(fs.rename(path("in/b.txt"), path("a.txt/sub/b.txt"))).isFalse();
        assertThat(fs.rename(path("in"), path("a.txt/sub/in"))).isFalse();

        assertThat(keys()).containsExactly("a.txt", "in/b.txt");
        assertThat(fs.getFileStatus(path("a.txt")).isFile()).isTrue();
    }

    @Test
    void twoWorlds_sameBucketName_neverSeeEachOther() throws IOException {
        FakeAws other = FakeAws.create();
        other.s3().createBucket(b -> b.bucket("acme-raw"));
        other.s3().putObject(b -> b.bucket("acme-raw").key("a.txt"), RequestBody.fromString("other world"));
        put("a.txt", "this world");

        FileSystem otherFs = fileSystem(other.s3(), "s3://acme-raw/", new Configuration(false));

        assertThat(read(path("a.txt"))).isEqualTo("this world");
        try (FSDataInputStream in = otherFs.open(path("a.txt"))) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("other world");
        }
    }

    @Test
    void missingBucket_surfacesAsFileNotFound() throws IOException {
        FileSystem noBucket = fileSystem(s3, "s3://no-such-bucket/", new Configuration(false));

        assertThatThrownBy(() -> noBucket.listStatus(new Path("s3://no-such-bucket/x")))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageStartingWith("ListObjectsV2 on s3://no-such-bucket/x/ failed: ");
    }
}
