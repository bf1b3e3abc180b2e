from .wfm import WfmServiceGoalImpact as WfmServiceGoalImpact
