from .wfm import WfmIntegrationResponse as WfmIntegrationResponse
