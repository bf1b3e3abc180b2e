from .wfm import WfmTimeSpan as WfmTimeSpan
