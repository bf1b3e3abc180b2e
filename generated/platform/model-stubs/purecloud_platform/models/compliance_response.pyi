from .compliance import ComplianceResponse as ComplianceResponse
