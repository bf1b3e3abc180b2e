from .wfm import WfmUserEntityListing as WfmUserEntityListing
