from .wfm import WfmEntityMetadata as WfmEntityMetadata
