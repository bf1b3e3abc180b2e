"""Realistic payloads through generated API methods over a real local HTTP server: what the
server sends decodes into the right classes and what the SDK sends back loses nothing.

The SDKs are generated from the real Kubernetes and AutoRest specs in ../shared/realspecs
(never committed); without ../shared these tests skip."""

from __future__ import annotations

import copy
import importlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .fake_server import Reply

REALSPECS = Path(__file__).resolve().parents[2].parent / "shared" / "realspecs"


def _generate(tmp_path_factory, spec_name: str, package: str):
    spec = REALSPECS / spec_name
    if not spec.exists():
        pytest.skip(f"{spec} is absent: the real specs live in ../shared/realspecs beside the repository")
    out = tmp_path_factory.mktemp(package)
    result = CliRunner().invoke(main, ["generate", "--spec", str(spec), "--output", str(out), "--package", package,
                                       "--no-schema", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sys.path.insert(0, str(out))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(out))


@pytest.fixture(scope="module")
def kube(tmp_path_factory):
    return _generate(tmp_path_factory, "kubernetes.json", "kube_rt")


@pytest.fixture(scope="module")
def autorest(tmp_path_factory):
    return _generate(tmp_path_factory, "azure_body_complex.json", "autorest_rt")


POD = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "name": "web-0", "namespace": "shop", "uid": "5f0c9a1e-2b1e-4a4e-9d0e-0c3b7f1e2a10",
        "resourceVersion": "90210", "creationTimestamp": "2024-03-01T10:00:00Z",
        "labels": {"app": "web", "tier": "frontend"}, "annotations": {"kubectl.kubernetes.io/restartedAt": "now"},
        "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web",
                             "uid": "0d1c2b3a-0000-4000-8000-000000000001", "controller": True,
                             "blockOwnerDeletion": True}],
    },
    "spec": {
        "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "containers": [{
            "name": "nginx", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
            "args": ["-g", "daemon off;"],
            "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
            "env": [{"name": "MODE", "value": "prod"},
                    {"name": "POD_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "status.podIP"}}}],
            "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}, "requests": {"cpu": "250m", "memory": "64Mi"}},
            "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP"},
                              "initialDelaySeconds": 3, "periodSeconds": 10},
            "readinessProbe": {"tcpSocket": {"port": 80}, "timeoutSeconds": 1},
            "volumeMounts": [{"name": "data", "mountPath": "/data", "readOnly": True}],
        }],
        "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data-web-0"}}],
        "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
                         "tolerationSeconds": 300}],
    },
    "status": {
        "phase": "Running", "podIP": "10.1.2.3", "startTime": "2024-03-01T10:00:05Z", "qosClass": "Burstable",
        "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-03-01T10:00:09Z"}],
        "containerStatuses": [{"name": "nginx", "ready": True, "restartCount": 0, "image": "nginx:1.25",
                               "imageID": "docker.io/library/nginx@sha256:abc", "started": True,
                               "state": {"running": {"startedAt": "2024-03-01T10:00:07Z"}}}],
    },
}

SERVICE = {
    "apiVersion": "v1",
    "kind": "Service",
    "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
    "spec": {
        "type": "ClusterIP", "clusterIP": "10.96.0.15", "selector": {"app": "web"},
        "ports": [
            {"name": "http", "port": 80, "protocol": "TCP", "targetPort": "http"},  # a named port
            {"name": "metrics", "port": 9090, "protocol": "TCP", "targetPort": 9102},  # a number
        ],
        "sessionAffinity": "None",
    },
    "status": {"loadBalancer": {}},
}


def test_kubernetes_pod_and_service_round_trip_through_api_methods(kube, server, app):
    pod_path, service_path = "/api/v1/namespaces/shop/pods/web-0", "/api/v1/namespaces/shop/services/web"
    app.route("GET", pod_path, lambda r: Reply(json=POD))
    app.route("PUT", pod_path, lambda r: Reply(json=r.json()))
    app.route("GET", service_path, lambda r: Reply(json=SERVICE))
    app.route("POST", "/api/v1/namespaces/shop/services", lambda r: Reply(status=201, json=r.json()))
    with kube.ApiClient(server.url) as client:
        api = kube.CoreV1Api(client)
        pod = api.read_core_v1_namespaced_pod("web-0", "shop")
        assert type(pod).__name__ == "IoK8sApiCoreV1Pod"
        assert pod.spec.containers[0].liveness_probe.http_get.port == "http"
        assert pod.spec.containers[0].readiness_probe.tcp_socket.port == 80
        assert pod.metadata.creation_timestamp.year == 2024
        echoed = api.replace_core_v1_namespaced_pod("web-0", "shop", pod)
        assert app.calls("PUT", pod_path)[-1].json() == POD  # nothing lost on the way out
        assert echoed == pod

        service = api.read_core_v1_namespaced_service("web", "shop")
        ports = service.spec.ports
        assert [p.target_port for p in ports] == ["http", 9102]
        assert isinstance(ports[1].target_port, int)
        created = api.create_core_v1_namespaced_service("shop", service)
        assert app.calls("POST", "/api/v1/namespaces/shop/services")[-1].json() == SERVICE
        assert created == service


SALMON = {
    "fishtype": "salmon", "location": "alaska", "iswild": True, "species": "king", "length": 1.0,
    "siblings": [
        {"fishtype": "shark", "age": 6, "birthday": "2012-01-05T01:00:00Z", "length": 20.0, "species": "predator"},
        {"fishtype": "sawshark", "age": 105, "birthday": "1900-01-05T01:00:00Z", "length": 10.0,
         "picture": "//////4=", "species": "dangerous"},
        {"fishtype": "goblin", "color": "pinkish-gray", "age": 1, "birthday": "2015-08-08T00:00:00Z",
         "length": 30.0, "species": "scary", "jawsize": 5},
    ],
}


def test_autorest_salmon_and_siblings_decode_as_subtypes_and_round_trip(autorest, server, app):
    path = "/complex/polymorphism/valid"
    unknown = copy.deepcopy(SALMON)
    unknown["siblings"].append({"fishtype": "kraken", "length": 99.0, "species": "myth"})
    replies = iter([SALMON, unknown])
    app.route("GET", path, lambda r: Reply(json=next(replies)))
    app.route("PUT", path, lambda r: Reply(status=200))
    m = autorest.models
    with autorest.ApiClient(server.url) as client:
        api = autorest.DefaultApi(client)
        salmon = api.polymorphism_get_valid()
        assert type(salmon) is m.Salmon and isinstance(salmon, m.Fish)
        assert (salmon.location, salmon.iswild) == ("alaska", True)
        assert [type(s) for s in salmon.siblings] == [m.Shark, m.Sawshark, m.Goblinshark]
        assert isinstance(salmon.siblings[1], m.Shark) and salmon.siblings[1].picture == "//////4="
        assert salmon.siblings[2].jawsize == 5 and salmon.siblings[2].color == "pinkish-gray"
        api.polymorphism_put_valid(salmon)
        assert app.calls("PUT", path)[-1].json() == SALMON

        with_unknown = api.polymorphism_get_valid()  # a subtype this SDK does not know: no error
        stranger = with_unknown.siblings[-1]
        assert type(stranger) is m.Fish and stranger.fishtype == "kraken" and stranger.length == 99.0

        built = m.Sawshark(length=2.0, birthday=salmon.siblings[0].birthday, picture="AQ==")
        api.polymorphism_put_valid(built)
        assert app.calls("PUT", path)[-1].json() == {
            "fishtype": "sawshark", "length": 2.0, "birthday": "2012-01-05T01:00:00Z", "picture": "AQ=="}
