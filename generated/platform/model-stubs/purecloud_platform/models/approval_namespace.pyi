from .approval import ApprovalNamespace as ApprovalNamespace
