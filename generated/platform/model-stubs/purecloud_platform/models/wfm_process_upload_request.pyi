from .wfm import WfmProcessUploadRequest as WfmProcessUploadRequest
