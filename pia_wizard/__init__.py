"""pia-wizard: privacy-impact assessment of biometric surveillance deployments."""

__version__ = "0.1.0"
