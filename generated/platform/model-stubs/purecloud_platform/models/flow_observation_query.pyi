from .flow import FlowObservationQuery as FlowObservationQuery
