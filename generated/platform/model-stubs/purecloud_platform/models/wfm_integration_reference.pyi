from .wfm import WfmIntegrationReference as WfmIntegrationReference
