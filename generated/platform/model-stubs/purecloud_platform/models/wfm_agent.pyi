from .wfm import WfmAgent as WfmAgent
