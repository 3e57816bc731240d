package io.dataplatform.glue;

import io.dataplatform.glue.internal.GlueNames;
import io.dataplatform.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A crawler or a job as a node of a {@link Workflow}, with the arguments a job gets when the
 * workflow runs it (names without the leading "--").
 *
 * <pre>{@code
 * WorkflowNode clean = WorkflowNode.of(cleanJob).withArgument("date", "2024-01-31");
 * WorkflowNode raw = WorkflowNode.crawler("raw-crawler");
 * }</pre>
 *
 * @param type      a job or a crawler
 * @param name      the job's or crawler's name
 * @param arguments a job's arguments for its runs in the workflow; empty for a crawler
 */
public record WorkflowNode(Type type, String name, Map<String, String> arguments) {

    /** What a node runs. */
    public enum Type {
        /** A Glue job. */
        JOB,
        /** A crawler. */
        CRAWLER
    }

    /** Validates the node: Glue's name rules; arguments only for jobs. */
    public WorkflowNode {
        Checks.notNull(type, "type");
        if (type == Type.JOB) {
            GlueNames.checkJob(name);
        } else {
            GlueNames.checkCrawler(name);
        }
        arguments = Checks.copyOf(arguments, "arguments");
        Checks.require(type == Type.JOB || arguments.isEmpty(), "Crawler node '%s' takes no arguments", name);
        arguments.keySet().forEach(k -> Checks.require(!k.isEmpty() && !k.startsWith("--"),
                "Invalid argument name '%s' of job node '%s': give it without the leading '--'", k, name));
    }

    /** Returns the job {@code name} as a node. */
    public static WorkflowNode job(String name) {
        return new WorkflowNode(Type.JOB, name, Map.of());
    }

    /** Returns the crawler {@code name} as a node. */
    public static WorkflowNode crawler(String name) {
        return new WorkflowNode(Type.CRAWLER, name, Map.of());
    }

    /** Returns the job as a node. */
    public static WorkflowNode of(Job job) {
        return job(Checks.notNull(job, "job").name());
    }

    /** Returns the crawler as a node. */
    public static WorkflowNode of(Crawler crawler) {
        return crawler(Checks.notNull(crawler, "crawler").name());
    }

    /** Returns this job node with the argument {@code --name value} added for its runs in the workflow. */
    public WorkflowNode withArgument(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(arguments);
        copy.put(Checks.notEmpty(name, "argument name"), Checks.notNull(value, "value of --" + name));
        return new WorkflowNode(type, this.name, copy);
    }

    /** Returns "job 'clean'" or "crawler 'raw'", as messages name a node. */
    public String describe() {
        return (type == Type.JOB ? "job '" : "crawler '") + name + "'";
    }

    /** Returns true if the two name the same job or crawler, whatever their arguments. */
    public boolean sameAs(WorkflowNode other) {
        return other != null && other.type == type && other.name.equals(name);
    }
}
