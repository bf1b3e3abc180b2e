from .agent import AgentEvaluatorActivity as AgentEvaluatorActivity
