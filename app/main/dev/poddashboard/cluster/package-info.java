/**
 * The connection to the Kubernetes API server: in-cluster (mounted service-account token, re-read as the kubelet
 * rotates it), kubeconfig, or demo; and the one place where API responses and transport failures become our
 * {@link dev.poddashboard.cluster.ClusterException}s.
 *
 * <p>Transport, TLS, authentication and token refresh come from client-java's {@code ApiClient}. Responses are
 * read with Jackson into small records that ignore unknown fields: client-java's generated models reject every
 * field they do not know, so an API server newer than the client would break them.
 */
package dev.poddashboard.cluster;
