package org.dataembassy.portal.replication.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.dataembassy.portal.replication.ObjectConflictException;
import org.dataembassy.portal.replication.ObjectNotFoundException;
import org.dataembassy.portal.replication.SiteUnavailableException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Site in an S3-compatible bucket (AWS SDK v2, path-style, endpoint override, static
 * credentials). Retries use the SDK's standard strategy (exponential backoff with jitter) with
 * {@link S3SiteConfig#maxAttempts()} attempts. Objects appear atomically (single PUT).
 * Immutability is checked by HEAD/GET before PUT; two writers racing on one name with different
 * bytes are not detected (the engine never does that: names are content hashes).
 */
public final class S3SiteStore implements SiteStore {
    private final String name;
    private final S3SiteConfig config;
    private final S3Client s3;

    public S3SiteStore(String name, S3SiteConfig config) {
        this.name = name;
        this.config = config;
        this.s3 = S3Client.builder()
                .endpointOverride(config.endpoint())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                // self-hosted S3-compatible servers often lack the SDK's newer default integrity
                // headers; integrity is end-to-end in this format (content hashes + AEAD) anyway
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.attemptTimeout())
                        .socketTimeout(config.attemptTimeout()))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(config.maxAttempts()).build()))
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    /** Creates the bucket if it does not exist. */
    public void ensureBucket() {
        call("create bucket", () -> {
            try {
                s3.headBucket(b -> b.bucket(config.bucket()));
            } catch (S3Exception e) {
                s3.createBucket(b -> b.bucket(config.bucket()));
            }
            return null;
        });
    }

    @Override
    public void put(String key, byte[] content) {
        String k = key(key);
        if (exists(key)) {
            if (!Arrays.equals(get(key), content)) {
                throw new ObjectConflictException(name + ": object exists with different content: " + key);
            }
            return;
        }
        call("put " + key, () -> s3.putObject(b -> b.bucket(config.bucket()).key(k), RequestBody.fromBytes(content)));
    }

    @Override
    public byte[] get(String key) {
        return call("get " + key, () -> s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key(key))).asByteArray());
    }

    @Override
    public byte[] get(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new ObjectNotFoundException(name + ": range outside object " + key);
        }
        if (length == 0) {
            if (offset > size(key)) {
                throw new ObjectNotFoundException(name + ": range outside object " + key);
            }
            return new byte[0];
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        byte[] data = call("get " + key, () -> s3.getObjectAsBytes(
                b -> b.bucket(config.bucket()).key(key(key)).range(range)).asByteArray());
        if (data.length != length) {
            throw new ObjectNotFoundException(name + ": range outside object " + key);
        }
        return data;
    }

    @Override
    public List<String> list(String prefix) {
        return call("list " + prefix, () -> {
            List<String> names = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(config.prefix() + prefix)).contents()) {
                if (!o.key().endsWith("/")) { // directory markers of some servers are not objects
                    names.add(o.key().substring(config.prefix().length()));
                }
            }
            names.sort(null);
            return names;
        });
    }

    @Override
    public boolean exists(String key) {
        try {
            size(key);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    @Override
    public long size(String key) {
        return call("head " + key, () -> s3.headObject(b -> b.bucket(config.bucket()).key(key(key))).contentLength());
    }

    @Override
    public void delete(String key) {
        call("delete " + key, () -> s3.deleteObject(b -> b.bucket(config.bucket()).key(key(key))));
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(String key) {
        return config.prefix() + SiteStore.checkName(key);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(name + ": no such object (" + what + ")");
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 416) {
                throw new ObjectNotFoundException(name + ": no such object (" + what + ")");
            }
            throw new SiteUnavailableException(name + ": " + what + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new SiteUnavailableException(name + ": " + what + " failed after "
                    + config.maxAttempts() + " attempts: " + e.getMessage(), e);
        }
    }
}
