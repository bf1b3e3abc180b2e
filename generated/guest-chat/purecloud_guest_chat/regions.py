"""Every Genesys Cloud region, with its API and login hosts."""

from __future__ import annotations

from enum import Enum


class PureCloudRegionHosts(Enum):
    """Genesys Cloud regions (the official SDK's name); the value is the region's domain.

    ``PureCloudRegionHosts.eu_west_1.get_api_host()`` -> ``"https://api.mypurecloud.ie"``.
    """

    us_east_1 = "mypurecloud.com"
    us_east_2 = "use2.us-gov-pure.cloud"
    us_west_2 = "usw2.pure.cloud"
    ca_central_1 = "cac1.pure.cloud"
    sa_east_1 = "sae1.pure.cloud"
    eu_west_1 = "mypurecloud.ie"
    eu_west_2 = "euw2.pure.cloud"
    eu_central_1 = "mypurecloud.de"
    eu_central_2 = "euc2.pure.cloud"
    me_central_1 = "mec1.pure.cloud"
    ap_south_1 = "aps1.pure.cloud"
    ap_northeast_1 = "mypurecloud.jp"
    ap_northeast_2 = "apne2.pure.cloud"
    ap_northeast_3 = "apne3.pure.cloud"
    ap_southeast_2 = "mypurecloud.com.au"

    @property
    def domain(self) -> str:
        return self.value

    @property
    def region_name(self) -> str:
        """The AWS-style name, e.g. ``eu-west-1``."""
        return self.name.replace("_", "-")

    @property
    def api_host(self) -> str:
        return f"https://api.{self.value}"

    @property
    def login_host(self) -> str:
        return f"https://login.{self.value}"

    def get_api_host(self) -> str:
        return self.api_host

    def get_login_host(self) -> str:
        return self.login_host

    @classmethod
    def from_name(cls, name: str) -> PureCloudRegionHosts:
        """Look a region up by ``eu-west-1``, ``eu_west_1`` or its domain ``mypurecloud.ie``."""
        key = name.strip().lower()
        for region in cls:
            if key in (region.name, region.region_name, region.value):
                return region
        known = ", ".join(region.region_name for region in cls)
        raise ValueError(
            f"unknown Genesys Cloud region {name!r}; known regions: {known}"
        )


def login_host_for(api_host: str) -> str:
    """The login host that goes with an API host: ``https://api.X`` -> ``https://login.X``.

    Hosts that do not start with ``api.`` (a local test server, a proxy) keep their host.
    """
    scheme, sep, rest = api_host.partition("://")
    if not sep:
        return api_host
    if rest.startswith("api."):
        return f"{scheme}://login.{rest[4:]}"
    return api_host
