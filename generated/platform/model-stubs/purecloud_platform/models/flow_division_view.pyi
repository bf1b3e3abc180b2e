from .flow import FlowDivisionView as FlowDivisionView
