from .wfm import WfmIntegrationListing as WfmIntegrationListing
