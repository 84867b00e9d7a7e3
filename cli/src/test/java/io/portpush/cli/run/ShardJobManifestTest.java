package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.portpush.cli.CliRun;
import io.portpush.cli.PortpushCommand;
import io.portpush.core.error.ExitCodes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * deploy/kubernetes read by the Kubernetes model classes of the fabric8 client: an Indexed Job
 * whose index is the shard, whose failure policy speaks portpush's exit codes, whose command line
 * portpush itself accepts, and whose every file path lands on a volume that holds it.
 */
class ShardJobManifestTest {
    private static final Path DEPLOY = Path.of("..", "deploy", "kubernetes");
    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    @TempDir
    Path dir;

    private static <T> T read(String file, Class<T> type) throws Exception {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            Object o = K8S.unmarshal(in);
            assertThat(o).as(file).isInstanceOf(type);
            return type.cast(o);
        }
    }

    private static Job job() throws Exception {
        return read("job.yaml", Job.class);
    }

    @Test
    void theJobIsIndexedAndItsIndexIsTheShardOfAsManyShardsAsCompletions() throws Exception {
        Job job = job();
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        Container c = container(job.getSpec().getTemplate().getSpec());
        List<String> args = c.getArgs();
        String shard = args.get(args.indexOf("--shard") + 1);
        assertThat(shard).matches("\\$\\(JOB_COMPLETION_INDEX\\)/\\d+");
        assertThat(Integer.parseInt(shard.substring(shard.indexOf('/') + 1))).as("N in --shard K/N").isEqualTo(job.getSpec().getCompletions());
        assertThat(job.getSpec().getParallelism()).isBetween(1, job.getSpec().getCompletions());
        // per-index backoff and a pod failure policy need pods that are never restarted in place
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getBackoffLimitPerIndex()).isZero();
        assertThat(job.getSpec().getMaxFailedIndexes()).isZero();
    }

    @Test
    void theFailurePolicySpeaksPortpushsExitCodes() throws Exception {
        Job job = job();
        String name = container(job.getSpec().getTemplate().getSpec()).getName();
        Map<String, Set<Integer>> byAction = new java.util.HashMap<>();
        for (PodFailurePolicyRule r : job.getSpec().getPodFailurePolicy().getRules()) {
            if (r.getOnExitCodes() != null) {
                assertThat(r.getOnExitCodes().getContainerName()).isEqualTo(name);
                assertThat(r.getOnExitCodes().getOperator()).isEqualTo("In");
                byAction.computeIfAbsent(r.getAction(), a -> new TreeSet<>()).addAll(r.getOnExitCodes().getValues());
            }
        }
        // input that every shard would refuse alike stops the whole run; a shard's own failure fails its index
        assertThat(byAction.get("FailJob")).containsExactlyInAnyOrder(ExitCodes.INVALID_INPUT, ExitCodes.NOT_FOUND, ExitCodes.USAGE);
        assertThat(byAction.get("FailIndex")).containsExactlyInAnyOrder(ExitCodes.HOST_FAILED, ExitCodes.UNREACHABLE, ExitCodes.HISTORY_REMOTE);
        assertThat(job.getSpec().getPodFailurePolicy().getRules()).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo("Ignore");
            assertThat(r.getOnPodConditions()).extracting(c -> c.getType()).contains("DisruptionTarget");
        });
    }

    @Test
    void portpushAcceptsTheCommandLineAndEveryPathItNamesIsMounted() throws Exception {
        Job job = job();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container c = container(pod);
        Set<String> defined = c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
        defined.add("JOB_COMPLETION_INDEX"); // set by Kubernetes in every pod of an Indexed Job
        List<String> args = new ArrayList<>();
        for (String a : c.getArgs()) {
            Matcher m = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(a);
            while (m.find()) {
                assertThat(defined).as("$(" + m.group(1) + ") in " + a).contains(m.group(1));
            }
            args.add(a.replace("$(JOB_COMPLETION_INDEX)", "2").replace("$(HISTORY_REMOTE)", "https://git.example.net/h.git")
                    .replace("$(JOB_NAME)", "portpush-imp-edge"));
        }
        // picocli refuses an unknown option or a missing value: the same parser the pod runs
        CommandLine.ParseResult parsed = new CommandLine(new PortpushCommand()).parseArgs(args.toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand();
        assertThat(run.commandSpec().name()).isEqualTo("run");
        assertThat((String) run.matchedOptionValue("--shard", null)).isEqualTo("2/" + job.getSpec().getCompletions());
        assertThat(args).doesNotContain("--accept-new-host-keys"); // pods pin host keys, never trust on first use
        for (String option : List.of("-i", "--vault-password-file", "--state-dir", "--report")) {
            String path = args.get(args.indexOf(option) + 1);
            assertThat(mountFor(pod, c, path)).as(option + " " + path + " is on a volume").isPresent();
        }
        assertThat(mountFor(pod, c, args.get(1))).as("the playbook").isPresent();
        assertThat(mountFor(pod, c, "/state/known_hosts")).isPresent();
        // the heap the launcher is given fits the container's memory limit, with room for threads and buffers
        String opts = c.getEnv().stream().filter(e -> e.getName().equals("PORTPUSH_JAVA_OPTS")).findFirst().orElseThrow().getValue();
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(opts);
        assertThat(xmx.find()).isTrue();
        long limit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")).longValue();
        assertThat(Long.parseLong(xmx.group(1)) << 20).isLessThan(limit * 3 / 4);
    }

    @Test
    void theSecretAndReportVolumeTheJobsUseAreTheOnesShipped() throws Exception {
        Job job = job();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Secret secret = read("secret.example.yaml", Secret.class);
        PersistentVolumeClaim reports = read("reports-pvc.yaml", PersistentVolumeClaim.class);
        Job merge = read("report-merge.yaml", Job.class);
        for (PodSpec p : List.of(pod, merge.getSpec().getTemplate().getSpec())) {
            for (Volume v : p.getVolumes()) {
                if (v.getSecret() != null) {
                    assertThat(v.getSecret().getSecretName()).isEqualTo(secret.getMetadata().getName());
                    v.getSecret().getItems().forEach(i -> assertThat(secret.getStringData()).containsKey(i.getKey()));
                }
                if (v.getPersistentVolumeClaim() != null) {
                    assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo(reports.getMetadata().getName());
                }
            }
        }
        container(pod).getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> assertThat(secret.getStringData()).containsKey(e.getValueFrom().getSecretKeyRef().getKey()));
        assertThat(reports.getSpec().getAccessModes()).contains("ReadWriteMany"); // every shard's pod writes there at once
        // the merge reads the reports where the shards write them
        String shardReport = container(pod).getArgs().get(container(pod).getArgs().indexOf("--report") + 1);
        String mergeLine = String.join(" ", container(merge.getSpec().getTemplate().getSpec()).getArgs());
        assertThat(mergeLine).contains("report merge " + shardReport.replace("$(JOB_NAME)", "$(JOB)").replace("$(JOB_COMPLETION_INDEX)", "*"));
    }

    @Test
    void theExampleProjectIsOnePortpushReadsAndLints() throws Exception {
        // kustomize's files exist, and the playbook and inventory they ship pass lint with the example vault password
        String kustomization = Files.readString(DEPLOY.resolve("kustomization.yaml"));
        Matcher files = Pattern.compile("(?m)^\\s*- [\\w.-]+=(\\S+)$").matcher(kustomization);
        int n = 0;
        while (files.find()) {
            assertThat(DEPLOY.resolve(files.group(1))).as(files.group(0)).exists();
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(3);
        Secret secret = read("secret.example.yaml", Secret.class);
        Path password = dir.resolve("vault-password");
        Files.writeString(password, secret.getStringData().get("vault-password"));
        CliRun lint = CliRun.of("lint", Path.of("..", "playbooks", "imp-edge.yml").toString(), "-i",
                DEPLOY.resolve("project/hosts.yml").toString(), "--vault-password-file", password.toString());
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("48 hosts").doesNotContain("example-device-password");
    }

    private static Container container(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    /**
     * The mount a path lies on, if its volume exists and, for a ConfigMap or Secret that lists its
     * items, one of them is that file (or, for a directory, holds files under it).
     */
    private static Optional<VolumeMount> mountFor(PodSpec pod, Container c, String path) {
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        return c.getVolumeMounts().stream().filter(m -> volumes.containsKey(m.getName()))
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))
                .max(java.util.Comparator.comparingInt(m -> m.getMountPath().length()))
                .filter(m -> {
                    Volume v = volumes.get(m.getName());
                    List<io.fabric8.kubernetes.api.model.KeyToPath> items = v.getConfigMap() != null ? v.getConfigMap().getItems()
                            : v.getSecret() != null ? v.getSecret().getItems() : null;
                    if (items == null || items.isEmpty() || m.getSubPath() != null) {
                        return true;
                    }
                    String inside = path.substring(m.getMountPath().length()).replaceFirst("^/", "");
                    return items.stream().anyMatch(i -> i.getPath().equals(inside) || i.getPath().startsWith(inside + "/"));
                });
    }
}
