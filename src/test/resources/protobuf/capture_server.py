"""A stand-in API server that records what kubectl sends.

It answers just enough discovery for kubectl's resource lookups, echoes each write back as the
object it names, and keeps every request body in OUT_DIR as <n>.bin with a line in OUT_DIR/log.txt.
Usage: python3 capture_server.py PORT OUT_DIR   (see capture.sh)
"""
import http.server
import itertools
import json
import os
import re
import sys

OUT = sys.argv[2]
COUNTER = itertools.count()

RESOURCES = {
    "v1": [
        ("namespaces", "Namespace", False), ("configmaps", "ConfigMap", True), ("secrets", "Secret", True),
        ("services", "Service", True), ("pods", "Pod", True), ("serviceaccounts", "ServiceAccount", True),
        ("serviceaccounts/token", "TokenRequest", True), ("persistentvolumeclaims", "PersistentVolumeClaim", True),
        ("persistentvolumes", "PersistentVolume", False), ("events", "Event", True), ("nodes", "Node", False),
        ("endpoints", "Endpoints", True), ("pods/eviction", "Eviction", True),
        ("resourcequotas", "ResourceQuota", True),
    ],
    "apps/v1": [("deployments", "Deployment", True), ("statefulsets", "StatefulSet", True),
                ("controllerrevisions", "ControllerRevision", True)],
    "rbac.authorization.k8s.io/v1": [("roles", "Role", True), ("clusterroles", "ClusterRole", False),
                                     ("rolebindings", "RoleBinding", True),
                                     ("clusterrolebindings", "ClusterRoleBinding", False)],
    "policy/v1": [("poddisruptionbudgets", "PodDisruptionBudget", True)],
    "networking.k8s.io/v1": [("ingresses", "Ingress", True), ("networkpolicies", "NetworkPolicy", True)],
    "discovery.k8s.io/v1": [("endpointslices", "EndpointSlice", True)],
    "storage.k8s.io/v1": [("storageclasses", "StorageClass", False)],
    "batch/v1": [("jobs", "Job", True), ("cronjobs", "CronJob", True)],
    "authorization.k8s.io/v1": [("selfsubjectaccessreviews", "SelfSubjectAccessReview", False),
                                ("selfsubjectrulesreviews", "SelfSubjectRulesReview", False),
                                ("subjectaccessreviews", "SubjectAccessReview", False),
                                ("localsubjectaccessreviews", "LocalSubjectAccessReview", True)],
    "authentication.k8s.io/v1": [("tokenreviews", "TokenReview", False),
                                 ("selfsubjectreviews", "SelfSubjectReview", False)],
}
VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"]


def resource_list(gv):
    resources = [{"name": name, "singularName": "" if "/" in name else kind.lower(), "namespaced": namespaced,
                  "kind": kind, "verbs": VERBS} for name, kind, namespaced in RESOURCES[gv]]
    for resource in resources:
        if resource["kind"] == "Eviction":  # kubectl drain evicts only when discovery names policy/v1
            resource.update({"group": "policy", "version": "v1"})
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": resources}


def discovery(path):
    if path == "/version":
        return {"major": "1", "minor": "32", "gitVersion": "v1.32.4", "platform": "linux/amd64"}
    if path == "/api":
        return {"kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}
    if path == "/apis":
        groups = []
        for gv in RESOURCES:
            if "/" in gv:
                group, version = gv.split("/")
                v = {"groupVersion": gv, "version": version}
                groups.append({"name": group, "versions": [v], "preferredVersion": v})
        return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}
    if path == "/api/v1":
        return resource_list("v1")
    if path == "/api/v1/pods":  # kubectl drain lists the node's pods, then evicts each
        return {"kind": "PodList", "apiVersion": "v1", "metadata": {}, "items": [
            {"metadata": {"name": "web-0", "namespace": "shop", "uid": "00000000-0000-0000-0000-000000000002",
                          "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web",
                                               "uid": "00000000-0000-0000-0000-000000000003",
                                               "controller": True}]},
             "spec": {"nodeName": "sim-node-1", "containers": [{"name": "main", "image": "nginx:1.27"}]}}]}
    m = re.fullmatch(r"/apis/([^/]+/[^/]+)", path)
    if m and m.group(1) in RESOURCES:
        return resource_list(m.group(1))
    return None


def named_object(path):
    """The object a request path names, as the echo for writes and reads."""
    m = re.fullmatch(r"/apis?/(?:([^/]+)/)?(v1)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?", path)
    if not m:
        return {"kind": "Status", "apiVersion": "v1", "status": "Success"}
    group, version, namespace, plural, name, sub = m.groups()
    gv = f"{group}/{version}" if group else version
    kinds = {n: k for n, k, _ in RESOURCES.get(gv, [])}
    kind = kinds.get(f"{plural}/{sub}" if sub else plural, "Status")
    meta = {"name": name or "captured", "uid": "00000000-0000-0000-0000-000000000001", "resourceVersion": "1"}
    if namespace:
        meta["namespace"] = namespace
    if kind == "TokenRequest":
        return {"kind": kind, "apiVersion": "authentication.k8s.io/v1", "metadata": {},
                "status": {"token": "captured", "expirationTimestamp": "2030-01-01T00:00:00Z"}}
    if kind.startswith("SelfSubject"):
        return {"kind": kind, "apiVersion": gv, "metadata": {}, "spec": {}, "status": {"allowed": True}}
    if kind == "Status":
        return {"kind": kind, "apiVersion": "v1", "status": "Success"}
    return {"kind": kind, "apiVersion": gv, "metadata": meta}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        n = next(COUNTER)
        path = self.path.split("?")[0]
        with open(os.path.join(OUT, "log.txt"), "a") as log:
            log.write(f"{n} {self.command} {self.path} {self.headers.get('Content-Type')} {len(body)}\n")
        if body:
            with open(os.path.join(OUT, f"{n}.bin"), "wb") as out:
                out.write(body)
        answer = discovery(path) if self.command == "GET" else None
        code = 200
        if answer is None:
            answer = named_object(path)
            code = 201 if self.command == "POST" else 200
        data = json.dumps(answer).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
