from .survey import SurveyScoringSet as SurveyScoringSet
